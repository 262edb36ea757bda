package io.github.stoatferret.videorepo;

import java.util.Objects;

/**
 * A stored video with its version: what a web service turns into an {@code ETag} and checks an
 * {@code If-Match} against ({@link VideoRepository#getVersioned}, {@link
 * VideoRepository#update(Video, long)}).
 *
 * <p>A video is stored at version {@value #FIRST}; every successful update advances it by one (rule
 * VR-16.1).
 *
 * @param video the video as stored
 * @param version its version, {@value #FIRST} or more
 */
public record VersionedVideo(Video video, long version) {

  /** The version of a video just added. */
  public static final long FIRST = 1;

  /**
   * Checks the fields.
   *
   * @param video the video
   * @param version its version
   * @throws InvalidArgumentException if the video is null or the version below {@value #FIRST}
   */
  public VersionedVideo {
    if (video == null) {
      throw InvalidArgumentException.isNull("video");
    }
    checkVersion("version", version);
  }

  /**
   * Checks a version argument: {@value #FIRST} or more.
   *
   * @param parameter the parameter's name, for the message
   * @param version the version
   * @return the version
   * @throws InvalidArgumentException naming the parameter and the value if below {@value #FIRST}
   */
  public static long checkVersion(String parameter, long version) {
    Objects.requireNonNull(parameter, "parameter");
    if (version < FIRST) {
      throw new InvalidArgumentException(
          parameter,
          Long.toString(version),
          parameter + " must be " + FIRST + " or more, was " + version);
    }
    return version;
  }
}
