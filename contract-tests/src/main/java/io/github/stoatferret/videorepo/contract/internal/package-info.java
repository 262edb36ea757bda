/**
 * The kit's machinery, not exported: the reference model ({@code ModelState}, {@code Op}, {@code
 * Outcome}) that the model-based rules compare a backend with, the linearizability checker, races,
 * and the recording listener and subscribers that watch for breaches of the rules.
 */
@NullMarked
package io.github.stoatferret.videorepo.contract.internal;

import org.jspecify.annotations.NullMarked;
