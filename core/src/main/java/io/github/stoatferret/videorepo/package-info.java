/** The videorepo API. Start at {@link io.github.stoatferret.videorepo.VideoRepository}. */
@NullMarked
package io.github.stoatferret.videorepo;

import org.jspecify.annotations.NullMarked;
