/**
 * What the bot keeps across restarts: the {@link confbot.core.state.StateStore} port and its one
 * implementation over JDBC, an SQLite file by default or PostgreSQL for several replicas, with the
 * schema applied by Flyway at start. The adapters see only the small interfaces ({@link
 * confbot.core.state.Inbox}); the composition root opens and closes the store.
 */
package confbot.core.state;
