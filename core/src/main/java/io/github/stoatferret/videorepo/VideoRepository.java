package io.github.stoatferret.videorepo;

import io.github.stoatferret.videorepo.internal.DraftWrites;
import io.github.stoatferret.videorepo.internal.FailedPublisher;
import io.github.stoatferret.videorepo.internal.PagePublisher;
import io.github.stoatferret.videorepo.spi.Stages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * An asynchronous store of {@link Video}s, unique by id and by path.
 *
 * <p>This Javadoc is the specification. Each rule has an id ({@code VR-n.m}); the {@code
 * videorepo-contract-tests} kit checks each one with a test of the same name, so a backend that
 * passes the kit keeps every rule below.
 *
 * <h2 id="general">General rules</h2>
 *
 * <ul>
 *   <li><b>VR-1.1 No method throws.</b> Every operation returns a {@link CompletionStage}, and
 *       every failure, bad arguments included, arrives through it. Only {@link #close()} is
 *       synchronous, and it does not throw either.
 *   <li><b>VR-1.2 Null arguments.</b> A {@code null} argument, or a {@code null} element of a list,
 *       fails the stage with {@link InvalidArgumentException} whose {@link
 *       InvalidArgumentException#parameter() parameter} names it ({@code video}, {@code videos[2]})
 *       and whose {@link InvalidArgumentException#value() value} is {@code null}; never with a
 *       {@code NullPointerException}.
 *   <li><b>VR-1.3 Limits and offsets.</b> A negative {@code limit} or {@code offset} fails the
 *       stage with {@link InvalidArgumentException} naming it and its value. There is no maximum:
 *       every non-negative {@code int} is honoured, however far past a page size an engine would
 *       like (the kit tries tens of thousands). {@code limit} 0 gives an empty result (and reads
 *       nothing else) for every operation that takes a limit, except that {@link #page} of limit 0
 *       still says whether a video follows its cursor (VR-6.2).
 *   <li><b>VR-1.4 Closed wins.</b> After {@link #close()} every operation fails with {@link
 *       RepositoryClosedException}, even one whose arguments are also bad.
 *   <li><b>VR-1.5 Linearizable.</b> Every operation is atomic and takes effect at one instant
 *       between its call and the completion of its stage: a read started after a write's stage
 *       completed sees that write, from any thread.
 *   <li><b>VR-1.6 Failure changes nothing.</b> An operation that fails, for any reason, leaves the
 *       stored videos exactly as they were and sends no change event.
 *   <li><b>VR-1.7 Exact round trip.</b> A stored video reads back {@linkplain Video#equals equal}
 *       to the one written: every field, extreme numbers, any valid Unicode, and instants to the
 *       microsecond (see {@link Video}).
 *   <li><b>VR-1.8 Failure types.</b> Failures are {@link InvalidArgumentException} (an {@link
 *       IllegalArgumentException}) for every rejection of the caller's input, naming the parameter
 *       or field and the offending value, else subclasses of {@link VideoRepositoryException}:
 *       {@link DuplicateVideoException}, {@link VideoNotFoundException}, {@link
 *       VersionConflictException}, {@link RepositoryClosedException}, {@link
 *       ChangePositionExpiredException} (only from the change feed), and {@link StorageException}
 *       (with the backend's exception as its cause) when storage fails. Stored data that cannot be
 *       read back as a valid {@link Video} (a row another program altered) is a storage failure,
 *       never an argument error: a non-retryable {@code StorageException} whose message names the
 *       video's id and the field or column. An unexpected failure inside the backend ({@code
 *       RuntimeException} or {@code Error}) also arrives as a {@code StorageException}, with it as
 *       the cause; it never leaves a stage pending.
 *   <li><b>VR-1.9 Model equivalence.</b> Any sequence of operations gives the same results, the
 *       same stored videos and the same change events as a plain sorted map applying the rules
 *       above one operation at a time (the kit's reference model).
 *   <li><b>VR-1.10 Stages are read-only.</b> No caller can change what a returned stage reports. If
 *       it is a {@code CompletableFuture} (or any {@code Future}), {@code cancel} on it returns
 *       {@code false}, has no effect and never throws, so that adapters which cancel a stage
 *       whenever their subscriber goes away (Reactor's {@code Mono.fromCompletionStage}, Spring's
 *       handling of a controller's stage) work without errors; {@code complete}, {@code
 *       completeExceptionally}, {@code obtrudeValue} and {@code obtrudeException} either throw
 *       {@link UnsupportedOperationException} or have no effect on its outcome. {@link
 *       CompletionStage#toCompletableFuture()} may return an independent copy that its caller may
 *       complete or cancel at will. Cancelling never cancels the operation: it takes effect (or
 *       fails) exactly as if nobody had cancelled. ({@link
 *       io.github.stoatferret.videorepo.spi.Stages} makes such stages.)
 *   <li><b>VR-1.11 Callbacks may wait on the repository.</b> A stage may complete on any thread,
 *       and a callback attached with a non-async method may run on that thread. The backend never
 *       needs that thread back to make progress: a callback that calls the repository and waits for
 *       the result ({@code add(a).thenApply(x -> add(b).join())}) completes. (It still holds a
 *       thread while it waits; the {@code ...Async} methods with an executor of the caller's are
 *       the better habit.)
 *   <li><b>VR-1.12 One thread's writes in the order called.</b> Writes that one thread calls one
 *       after another take effect in that order, even when it does not wait for the earlier stages:
 *       {@code add(x)}, then {@code update(x2)}, then {@code delete(x.id())}, called without
 *       waiting, all succeed. Writes of different threads that do not wait for each other may take
 *       effect in either order (VR-1.5 still holds).
 * </ul>
 *
 * <h2 id="order">List order</h2>
 *
 * <p>{@link #list}, {@link #page}, {@link #search}, {@link #searchPage} and {@link #stream} return
 * videos in <em>list order</em>: {@link Video#createdAt()} descending (newest first), ties broken
 * by {@link Video#id()} ascending in Unicode code-point order ({@link VideoOrder#LIST_ORDER}).
 *
 * <h2 id="events">Change events</h2>
 *
 * <p>A backend that supports them takes a {@link VideoChangeListener} when it is built.
 *
 * <ul>
 *   <li><b>VR-13.1</b> The listener receives exactly one event per committed change (one {@link
 *       VideoChangeEvent.Added} per video of an {@code addAll}), in commit order.
 *   <li><b>VR-13.2</b> {@link VideoChangeEvent.Updated} carries the video as stored before and
 *       after, and the names of the fields that differ.
 *   <li><b>VR-13.3</b> A failed operation, and a {@code delete} of an absent id, send no event.
 *   <li><b>VR-13.4</b> A listener that throws never fails the operation or stops later events.
 * </ul>
 *
 * <p>The listener is the simple form; the <a href="#feed">change feed</a> is the one a service
 * builds on.
 *
 * <h2 id="feed">Change feed</h2>
 *
 * <p>{@link #changes()} and {@link #changesAfter} publish the committed changes, each with its
 * {@link ChangePosition}, to any number of subscribers: a service fans them out as Server-Sent
 * Events, and a client that reconnects with the last position it saw resumes without a gap.
 *
 * <ul>
 *   <li><b>VR-17.1 Positions.</b> Every committed change has a position greater than that of every
 *       change committed before it to the same storage (on a shared server, by any process). The
 *       feed carries the changes VR-13.1 to VR-13.3 describe (one per video of an {@code addAll},
 *       none for a failed operation), in commit order, each with its position.
 *   <li><b>VR-17.2 Resume without gap or duplicate.</b> {@code changesAfter(p)} emits exactly the
 *       changes whose positions are greater than {@code p}, in position order: the kept ones, then
 *       the later ones as they commit. {@code changes()} starts after the latest change when {@code
 *       subscribe} is called: it emits every change of a write called after {@code subscribe}
 *       returned, and none of a write whose stage this repository object had completed before (it
 *       may emit changes that another process committed just before: a backend learns of those
 *       late).
 *   <li><b>VR-17.3 Subscribers on their own.</b> Any number of subscribers may subscribe and cancel
 *       at any time. Each follows the Reactive Streams rules and gets no more than it requested;
 *       one that requests nothing, or blocks in {@code onNext}, delays neither the writes nor the
 *       other subscribers. The backend buffers a bounded number of changes per subscriber (a
 *       setting of its builder); a subscriber further behind reads the kept changes instead, so
 *       that it still receives every one.
 *   <li><b>VR-17.4 Expired positions.</b> A backend keeps changes for a retention of its own (a
 *       number of changes, an age, or both; see its builder). When changes after a subscriber's
 *       position are no longer kept, whether it subscribed with an old position or fell that far
 *       behind, it receives {@code onError} with {@link ChangePositionExpiredException} naming its
 *       position and the oldest change kept. A change is never skipped.
 *   <li><b>VR-17.5 Close.</b> {@link #close()} ends every subscription: a subscriber receives the
 *       changes of every write that completed before or during the close, then {@code onComplete};
 *       only one that was reading kept changes (further behind than its buffer) receives {@link
 *       RepositoryClosedException} instead, after the changes it was sent, and resumes from there
 *       once the storage is open again. A subscriber that subscribes after the close receives
 *       {@code RepositoryClosedException}. A {@code null} position is signalled as {@link
 *       InvalidArgumentException} of parameter {@code position}.
 *   <li><b>VR-17.6 Persistent positions.</b> A persistent backend, opened again over the same
 *       storage, emits from {@code changesAfter(p)} the same kept changes at the same positions as
 *       before, and numbers new changes after them.
 * </ul>
 *
 * <h2 id="health">Health and statistics</h2>
 *
 * <p>{@link #health()} says whether the repository serves operations now (VR-15.1), and {@link
 * #statistics()} gives the engine's own figures for metrics (VR-15.2).
 *
 * <h2 id="drafts">Videos from the fields a client sends</h2>
 *
 * <p>{@link #create} and {@link #update(String, VideoDraft)} take a {@link VideoDraft}, the fields
 * without the id and the timestamps, and assign those from {@link #clock()} (VR-14.1, VR-14.2).
 *
 * <h2 id="versions">Versions and conditional writes</h2>
 *
 * <p>Every stored video has a version that each update advances (VR-16.1). {@link #getVersioned}
 * reads it, and {@link #update(Video, long)} and {@link #delete(String, long)} write only if the
 * video is still at the version the caller read (VR-16.2 to VR-16.4): two editors who load the same
 * video and save it no longer overwrite each other. The version is a counter per video, not per
 * id's history: a video deleted and added again under the same id starts again at {@value
 * VersionedVideo#FIRST}, so a caller that reuses ids keeps that in mind ({@link #create} never
 * does).
 *
 * <p>Implementations must be safe for use by any number of threads at once.
 */
public interface VideoRepository extends AutoCloseable {

  /** The {@code limit} of {@link #list()} and {@link #search(String)}. */
  int DEFAULT_LIMIT = 100;

  /**
   * Stores a new video.
   *
   * <ul>
   *   <li><b>VR-2.1</b> The stage completes with the video as stored, equal to the one given.
   *   <li><b>VR-2.2</b> If a stored video has the same id, it fails with {@link
   *       DuplicateVideoException} of key {@link DuplicateVideoException.Key#ID ID}; else if one
   *       has the same path, of key {@link DuplicateVideoException.Key#PATH PATH}. A clash on both
   *       reports {@code ID}.
   * </ul>
   *
   * @param video the video
   * @return the stored video
   */
  CompletionStage<Video> add(Video video);

  /**
   * Stores a batch of new videos atomically: all of them or none.
   *
   * <ul>
   *   <li><b>VR-3.1</b> The stage completes with the stored videos in input order. A batch may hold
   *       any number of videos: a backend that cuts it into chunks (for a limit on statement
   *       parameters) still checks and stores it as one.
   *   <li><b>VR-3.2</b> If any video clashes, by id or path, with a stored video or with an earlier
   *       video of the batch, none is stored and the stage fails with the {@link
   *       DuplicateVideoException} of the first clashing video in batch order (its id clash if
   *       both).
   *   <li><b>VR-3.3</b> An empty list stores nothing and completes with an empty list.
   * </ul>
   *
   * @param videos the videos; the list is copied before the stage completes
   * @return the stored videos, in input order
   */
  CompletionStage<List<Video>> addAll(List<Video> videos);

  /**
   * Reads a video by id.
   *
   * <p><b>VR-4.1</b> The stage completes with the stored video, or empty if there is none. Ids
   * compare exactly (case-sensitive, no normalisation).
   *
   * @param id the id
   * @return the video, if stored
   */
  CompletionStage<Optional<Video>> get(String id);

  /**
   * Reads a video by path.
   *
   * <p><b>VR-4.2</b> The stage completes with the video whose path equals {@code path} exactly, or
   * empty if there is none.
   *
   * @param path the path
   * @return the video, if stored
   */
  CompletionStage<Optional<Video>> getByPath(String path);

  /**
   * Reads videos in list order, skipping {@code offset} of them.
   *
   * <ul>
   *   <li><b>VR-5.1</b> The videos come in <a href="#order">list order</a>.
   *   <li><b>VR-5.2</b> The result is the videos at positions {@code offset} to {@code offset +
   *       limit - 1} of the list, fewer at the end, none past it.
   * </ul>
   *
   * <p>The cost grows with {@code offset}; walk a large set with {@link #page} instead.
   *
   * @param limit the most videos to return
   * @param offset how many videos to skip
   * @return the videos
   */
  CompletionStage<List<Video>> list(int limit, int offset);

  /**
   * Reads the first {@value #DEFAULT_LIMIT} videos in list order: {@code list(100, 0)}.
   *
   * @return the videos
   */
  default CompletionStage<List<Video>> list() {
    return list(DEFAULT_LIMIT, 0);
  }

  /**
   * Reads one page of videos in list order, by keyset: the cost does not grow with depth.
   *
   * <ul>
   *   <li><b>VR-6.1</b> A {@code null} cursor reads the first page; each page's {@link
   *       VideoPage#nextCursor()} reads the next. Without concurrent writes, the pages together are
   *       exactly {@link #list} of everything.
   *   <li><b>VR-6.2</b> {@code nextCursor} is {@code null} exactly when no further video existed
   *       when the page was read; so a page that ends on the last video says so. A page of {@code
   *       limit} 0 is empty, and its {@code nextCursor} continues from where the given cursor did.
   *   <li><b>VR-6.3</b> A cursor stays valid when its video is deleted or others are added: it
   *       continues after its position in list order. A video that exists throughout a walk is
   *       returned exactly once; others may or may not be.
   *   <li><b>VR-6.4</b> A cursor that this library did not make (malformed, truncated, altered)
   *       fails the stage with {@link InvalidArgumentException} of parameter {@code cursor}.
   * </ul>
   *
   * @param cursor where to start, or {@code null} for the first page
   * @param limit the most videos on the page
   * @return the page
   */
  CompletionStage<VideoPage> page(@Nullable String cursor, int limit);

  /**
   * Finds videos whose file name or path contains the query, ignoring case.
   *
   * <ul>
   *   <li><b>VR-7.1</b> A video matches when {@link SearchText#fold fold}{@code (query)} is a
   *       substring of the folded {@link Video#filename()} or of the folded {@link Video#path()},
   *       anywhere in them (also thousands of characters in) and whatever the query's length:
   *       nothing is cut. Matches come in list order, at most {@code limit} of them.
   *   <li><b>VR-7.2</b> The empty query matches every video.
   *   <li><b>VR-7.3</b> Any string is a valid query and is taken literally: quotes, {@code %},
   *       {@code _}, {@code *}, backslashes, SQL and full-text syntax never fail and never act as
   *       operators. A query with NUL or an unpaired surrogate matches nothing.
   * </ul>
   *
   * @param query the text to look for
   * @param limit the most videos to return
   * @return the matching videos
   */
  CompletionStage<List<Video>> search(String query, int limit);

  /**
   * Finds videos as {@link #search(String, int)} does, one page at a time, by keyset: a service
   * pages through any number of matches, and the cost does not grow with depth.
   *
   * <ul>
   *   <li><b>VR-7.4</b> The query matches as in VR-7.1 to VR-7.3. A {@code null} cursor reads the
   *       first page; each page's {@link VideoPage#nextCursor()} reads the next. Without concurrent
   *       writes, the pages together are exactly the matches {@code search} returns with no limit,
   *       in list order. {@code nextCursor} is {@code null} exactly when no further match existed
   *       when the page was read; a page of {@code limit} 0 is empty, and its {@code nextCursor}
   *       continues from where the given cursor did.
   *   <li><b>VR-7.5</b> Cursors behave as {@link #page}'s (VR-6.3, VR-6.4): a cursor marks a
   *       position in list order and stays valid when its video is deleted or changed or others are
   *       added; a video that exists and matches throughout a walk is returned exactly once; a
   *       cursor this library did not make fails the stage with {@link InvalidArgumentException} of
   *       parameter {@code cursor}. (A cursor of {@code page} continues a search from its position
   *       too.)
   * </ul>
   *
   * @param query the text to look for
   * @param cursor where to start, or {@code null} for the first page
   * @param limit the most videos on the page
   * @return the page of matches
   */
  CompletionStage<VideoPage> searchPage(String query, @Nullable String cursor, int limit);

  /**
   * Finds the first {@value #DEFAULT_LIMIT} matches: {@code search(query, 100)}.
   *
   * @param query the text to look for
   * @return the matching videos
   */
  default CompletionStage<List<Video>> search(String query) {
    return search(query, DEFAULT_LIMIT);
  }

  /**
   * Replaces a stored video.
   *
   * <ul>
   *   <li><b>VR-8.1</b> Every field is replaced but {@link Video#createdAt()}, which keeps its
   *       stored value; {@link Video#updatedAt()} is stored as given (the caller owns that clock).
   *       The stage completes with the video as now stored.
   *   <li><b>VR-8.2</b> If no video has the id, it fails with {@link VideoNotFoundException}.
   *   <li><b>VR-8.3</b> If another video holds the new path, it fails with {@link
   *       DuplicateVideoException} of key {@code PATH}. A video may keep its own path; a path it
   *       leaves becomes free at once.
   * </ul>
   *
   * @param video the new content, found by its id
   * @return the video as stored
   */
  CompletionStage<Video> update(Video video);

  /**
   * The clock that stamps the videos {@link #create} and {@link #update(String, VideoDraft)} make.
   * A backend's builder may take another (a fixed clock in a test); the default is {@link
   * Clock#systemUTC()}.
   *
   * @return the clock
   */
  default Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Stores a new video made from the fields a client sent: the id and the timestamps are the
   * repository's.
   *
   * <ul>
   *   <li><b>VR-14.1</b> The video stored has a new {@link Video#newId() random id}, the given
   *       fields, and {@code createdAt} and {@code updatedAt} both the {@link #clock()}'s instant
   *       (to the microsecond) when the call was made. The stage completes with it, as {@link #add}
   *       does, and fails as {@code add} does (a path clash: {@link DuplicateVideoException} of key
   *       {@code PATH}).
   * </ul>
   *
   * <p>The default makes the video and calls {@link #add}; a {@code null} draft fails as {@code
   * add(null)} does (parameter {@code video}).
   *
   * @param video the fields
   * @return the video as stored
   */
  @SuppressWarnings("NullAway") // hands a null on to add, which reports it (VR-1.2, VR-1.4)
  default CompletionStage<Video> create(VideoDraft video) {
    if (video == null) {
      return add(null);
    }
    Instant now = clock().instant();
    return add(video.toVideo(Video.newId(), now, now));
  }

  /**
   * Replaces the fields of a stored video with those a client sent, without asking for the {@code
   * createdAt} that an update keeps anyway.
   *
   * <ul>
   *   <li><b>VR-14.2</b> It is {@link #update(Video)} of the video with this id and these fields,
   *       its {@code updatedAt} the {@link #clock()}'s instant (to the microsecond) when the call
   *       was made: the stored {@code createdAt} stays, an absent id fails with {@link
   *       VideoNotFoundException}, a path another video holds with {@link DuplicateVideoException}
   *       of key {@code PATH}.
   * </ul>
   *
   * <p>The default makes the video and calls {@link #update(Video)}. A {@code null} id fails as
   * {@code get(null)} does (parameter {@code id}), a {@code null} draft as {@code update(null)}
   * (parameter {@code video}): so a closed repository still fails with {@link
   * RepositoryClosedException} first (VR-1.4).
   *
   * @param id the id of the video to change
   * @param video the new fields
   * @return the video as stored
   */
  default CompletionStage<Video> update(String id, VideoDraft video) {
    return DraftWrites.update(this, id, video, this::update);
  }

  /**
   * Reads a video by id with its version: what a web service sends as an {@code ETag}.
   *
   * <ul>
   *   <li><b>VR-16.1</b> Every stored video has a version. {@link #add}, {@link #addAll} and {@link
   *       #create} store version {@value VersionedVideo#FIRST}; every successful update,
   *       conditional or not, advances it by exactly one; an operation that fails leaves it as it
   *       was. A deleted video's version goes with it: an id added again starts at {@value
   *       VersionedVideo#FIRST}. The stage completes with the stored video and its version, or
   *       empty if no video has the id (ids compare as in VR-4.1).
   * </ul>
   *
   * @param id the id
   * @return the video and its version, if stored
   */
  CompletionStage<Optional<VersionedVideo>> getVersioned(String id);

  /**
   * Replaces a stored video only if it is still at the version the caller read: optimistic
   * concurrency, as for an HTTP {@code If-Match}.
   *
   * <ul>
   *   <li><b>VR-16.2</b> If the video with this id is stored at {@code expectedVersion}, this is
   *       {@link #update(Video)} (VR-8.1, VR-8.3), and the stage completes with the video as stored
   *       and its new version, {@code expectedVersion + 1}. If it is at another version, the stage
   *       fails with {@link VersionConflictException} carrying the stored version, and nothing
   *       changes (no event either); the version is checked before the path. An absent id fails
   *       with {@link VideoNotFoundException}; an {@code expectedVersion} below {@value
   *       VersionedVideo#FIRST} with {@link InvalidArgumentException} of parameter {@code
   *       expectedVersion}.
   *   <li><b>VR-16.4</b> Conditional writes are linearizable like every operation (VR-1.5): of any
   *       number of concurrent conditional updates and deletes that expect the same version of a
   *       video, exactly one succeeds, and each of the others fails with {@link
   *       VersionConflictException} (or, once a delete won, {@link VideoNotFoundException}).
   * </ul>
   *
   * @param video the new content, found by its id
   * @param expectedVersion the version the caller last read
   * @return the video as stored, with its new version
   */
  CompletionStage<VersionedVideo> update(Video video, long expectedVersion);

  /**
   * {@link #update(String, VideoDraft)} only if the video is still at the version the caller read:
   * {@link #update(Video, long)} of the video with this id and these fields (VR-16.2), stamped by
   * the {@link #clock()}.
   *
   * @param id the id of the video to change
   * @param video the new fields
   * @param expectedVersion the version the caller last read
   * @return the video as stored, with its new version
   */
  default CompletionStage<VersionedVideo> update(
      String id, VideoDraft video, long expectedVersion) {
    return DraftWrites.update(this, id, video, v -> update(v, expectedVersion));
  }

  /**
   * Deletes a video only if it is still at the version the caller read.
   *
   * <ul>
   *   <li><b>VR-16.3</b> If the video with this id is stored at {@code expectedVersion}, it is
   *       deleted as by {@link #delete(String)} and the stage completes with it as it was stored.
   *       Else nothing changes, and the stage fails as {@link #update(Video, long)} does: {@link
   *       VersionConflictException} carrying the stored version, {@link VideoNotFoundException} for
   *       an absent id, {@link InvalidArgumentException} for an {@code expectedVersion} below
   *       {@value VersionedVideo#FIRST}.
   * </ul>
   *
   * @param id the id
   * @param expectedVersion the version the caller last read
   * @return the video removed
   */
  CompletionStage<Video> delete(String id, long expectedVersion);

  /**
   * Checks cheaply whether the repository serves operations now: for a service's health endpoint.
   *
   * <ul>
   *   <li><b>VR-15.1</b> The stage always completes, never fails: {@link RepositoryHealth#up up}
   *       when an operation would be served now, else {@link RepositoryHealth#down down} with the
   *       reason (after {@link #close()}, the word {@code closed}; a storage failure, its message).
   *       It changes nothing and sends no event.
   * </ul>
   *
   * <p>The default asks {@link #count()}, which every backend answers without scanning (it is the
   * probe a service would otherwise write itself); a backend may check more.
   *
   * @return the health
   */
  default CompletionStage<RepositoryHealth> health() {
    return Stages.readOnly(
        count()
            .toCompletableFuture()
            .handle(
                (n, failure) -> {
                  if (failure == null) {
                    return RepositoryHealth.up("count() answered " + n);
                  }
                  Throwable cause =
                      failure instanceof CompletionException && failure.getCause() != null
                          ? failure.getCause()
                          : failure;
                  return cause instanceof RepositoryClosedException
                      ? RepositoryHealth.down("closed")
                      : RepositoryHealth.down(String.valueOf(cause.getMessage()));
                }));
  }

  /**
   * A snapshot of the engine's own figures (operations queued, commits, sizes), for metrics.
   *
   * <ul>
   *   <li><b>VR-15.2</b> It answers at once, without I/O that could block, and never throws, also
   *       after {@link #close()}: an unmodifiable map from names to non-negative numbers. The names
   *       and their meaning are the backend's, listed in its Javadoc; a backend with nothing to
   *       report answers an empty map.
   * </ul>
   *
   * @return the figures, by name
   */
  default Map<String, Long> statistics() {
    return Map.of();
  }

  /**
   * Deletes a video by id.
   *
   * <p><b>VR-9.1</b> The stage completes with {@code true} if a video was removed, {@code false} if
   * none had the id. Its path is free again at once.
   *
   * @param id the id
   * @return whether a video was removed
   */
  CompletionStage<Boolean> delete(String id);

  /**
   * Counts the stored videos.
   *
   * <p><b>VR-10.1</b> The stage completes with the number of stored videos.
   *
   * @return the count
   */
  CompletionStage<Long> count();

  /**
   * Publishes every video in list order, with back-pressure.
   *
   * <ul>
   *   <li><b>VR-11.1</b> The publisher follows the Reactive Streams rules: it never emits more than
   *       was requested, ends with {@code onComplete} or {@code onError}, and stops on {@code
   *       cancel}. Without concurrent writes it emits exactly {@link #list} of everything.
   *   <li><b>VR-11.2</b> It is weakly consistent, like a concurrent collection's iterator: each
   *       video present from subscription to completion is emitted exactly once, others may or may
   *       not be.
   * </ul>
   *
   * <p>The default reads through {@link #page}, so every backend has it; each subscriber walks on
   * its own.
   *
   * @return a publisher that can be subscribed to any number of times
   */
  default Flow.Publisher<Video> stream() {
    return new PagePublisher(this);
  }

  /**
   * Publishes the changes committed from now on, with their positions (rules VR-17.*).
   *
   * <p>The default, for a backend without a change feed, signals {@link
   * UnsupportedOperationException} to each subscriber.
   *
   * @return a publisher that can be subscribed to any number of times; each subscriber starts after
   *     the latest change when it subscribes
   */
  default Flow.Publisher<ChangeFeedEvent> changes() {
    return new FailedPublisher<>(
        new UnsupportedOperationException(getClass().getName() + " has no change feed"));
  }

  /**
   * Publishes the changes after a position: the kept ones, then the later ones as they commit
   * (rules VR-17.*). {@code changesAfter(ChangePosition.START)} starts from the oldest kept.
   *
   * <pre>{@code
   * // a Server-Sent Events handler resuming a client that reconnects
   * ChangePosition from = lastEventId == null ? null : ChangePosition.parse(lastEventId);
   * Flow.Publisher<ChangeFeedEvent> feed =
   *     from == null ? repository.changes() : repository.changesAfter(from);
   * }</pre>
   *
   * <p>The default, for a backend without a change feed, signals {@link
   * UnsupportedOperationException} to each subscriber.
   *
   * @param position the position of the last change the subscriber has
   * @return a publisher that can be subscribed to any number of times
   */
  default Flow.Publisher<ChangeFeedEvent> changesAfter(ChangePosition position) {
    return new FailedPublisher<>(
        new UnsupportedOperationException(getClass().getName() + " has no change feed"));
  }

  /**
   * A blocking view of this repository, for scripts and batch tools: each method waits for its
   * stage and returns the value or throws the specification's exception itself.
   *
   * @return the view; closing it closes this repository
   * @see BlockingVideoRepository#of(VideoRepository, java.time.Duration) for a view with a timeout
   */
  default BlockingVideoRepository blocking() {
    return BlockingVideoRepository.of(this);
  }

  /**
   * Closes the repository.
   *
   * <ul>
   *   <li><b>VR-12.1</b> Closing is idempotent and never throws.
   *   <li><b>VR-12.2</b> It waits for the operations in flight, which complete normally or fail
   *       with {@link RepositoryClosedException}; none is left pending.
   *   <li><b>VR-12.3</b> Every operation called afterwards fails with {@link
   *       RepositoryClosedException} (rule VR-1.4), and a {@link #stream()} subscribed afterwards
   *       signals it through {@code onError}.
   *   <li><b>VR-12.4</b> A persistent backend, opened again over the same storage, holds every
   *       write whose stage completed before the close.
   * </ul>
   */
  @Override
  void close();
}
