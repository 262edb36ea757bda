/**
 * The PostgreSQL backend: {@link io.github.stoatferret.videorepo.postgres.PostgresVideoRepository}.
 */
package io.github.stoatferret.videorepo.postgres;
