/**
 * The conformance kit for {@link io.github.stoatferret.videorepo.VideoRepository} backends.
 *
 * <p>Extend {@link io.github.stoatferret.videorepo.contract.VideoRepositoryContract} in a test,
 * implement {@code createRepository()} and {@code capabilities()}, and run it with Surefire: every
 * rule of the {@code VideoRepository} Javadoc is checked by tests named after it (see {@link
 * io.github.stoatferret.videorepo.contract.Rule}). {@link
 * io.github.stoatferret.videorepo.contract.VideoGens} has the kit's generators, for your own
 * properties.
 */
package io.github.stoatferret.videorepo.contract;
