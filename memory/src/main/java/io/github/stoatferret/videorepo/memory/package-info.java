/** The in-memory backend. */
@NullMarked
package io.github.stoatferret.videorepo.memory;

import org.jspecify.annotations.NullMarked;
