package io.github.stoatferret.videorepo.contract;

/**
 * The base of the rule groups that {@link VideoRepositoryContract} runs: each group is an interface
 * of default test methods, one file per part of the API, all reaching the test's repository and
 * checks through {@link #kit()}.
 */
interface RuleTests {

  /**
   * The current test's kit.
   *
   * @return the kit
   */
  ContractKit kit();
}
