/**
 * A small property-based testing engine: {@link
 * io.github.stoatferret.videorepo.contract.property.Gen generators} draw from recorded {@link
 * io.github.stoatferret.videorepo.contract.property.Choices}, so that any failing value can be
 * shrunk by shrinking its choices ({@link
 * io.github.stoatferret.videorepo.contract.property.Shrinker}), and a {@link
 * io.github.stoatferret.videorepo.contract.property.Property} reports the seed that replays a
 * failure.
 */
package io.github.stoatferret.videorepo.contract.property;
