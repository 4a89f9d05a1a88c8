/**
 * Several instances on one database: what one process may keep in memory (caches of accounts and tokens, the ruleset
 * in force) is kept honest by {@link vn.chuyenhoa.instances.SharedChanges}, which tells a cache that another instance
 * changed what it holds. Single process (the default, the embedded H2): nothing changes behind its back, so nothing is
 * polled; {@code chuyenhoa.instances.shared=true}: the database is polled. README "Several instances".
 */
package vn.chuyenhoa.instances;
