package io.github.stoatferret.videorepo.contract.internal;

import io.github.stoatferret.videorepo.VideoRepository;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A call with a bad argument, and the parameter its {@code InvalidArgumentException} must name.
 *
 * @param parameter what {@code InvalidArgumentException.parameter()} must be
 * @param call the call
 */
public record BadCall(String parameter, Function<VideoRepository, CompletionStage<?>> call) {}
