/**
 * The runnable {@code confbot}: {@code ask}, {@code chat}, {@code eval} and {@code serve} on top
 * of the core, with picocli for options and usage. {@link confbot.cli.Main} is the composition
 * root: the only place objects are wired together.
 *
 * <p>{@code serve}: {@code ConfigFile} (confbot.yaml), {@code ServeEnvironment} (file, environment
 * and options layered under the environment's names, as listed in {@code Settings}) and {@code
 * ServeSettings} (typed and checked) configure a {@code Server}: the {@code HttpEndpoint}
 * (/healthz, /readyz, /metrics), the core measured by {@code MeteredChatBot}, and the chat adapters.
 * {@code ServeCli} stops it on SIGTERM and ends the process with status 0.
 */
package confbot.cli;
