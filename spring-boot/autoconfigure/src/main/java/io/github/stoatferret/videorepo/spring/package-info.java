/**
 * Spring Boot auto-configuration for videorepo. Add {@code videorepo-spring-boot-starter}, set
 * {@code videorepo.*} properties ({@link
 * io.github.stoatferret.videorepo.spring.VideoRepositoryProperties}) and inject {@link
 * io.github.stoatferret.videorepo.VideoRepository}.
 */
@NullMarked
package io.github.stoatferret.videorepo.spring;

import org.jspecify.annotations.NullMarked;
