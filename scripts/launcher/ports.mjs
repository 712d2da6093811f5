import net from "node:net";

/**
 * Fails fast when a port the stack needs is taken, before anything is started, with a message
 * that names the process, the port and the variable that moves it.
 *
 * @param {string} host  the address the process will bind, e.g. `127.0.0.1`
 * @param {number} port
 * @param {string} owner  who needs it, e.g. `"the BFF"`
 * @param {string} variable  the environment variable that sets it, e.g. `"BFF_PORT"`
 * @returns {Promise<void>}
 * @throws {Error} when the port cannot be bound (in use, or not allowed)
 */
export function assertPortFree(host, port, owner, variable) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (/** @type {NodeJS.ErrnoException} */ error) => {
      const why =
        error.code === "EADDRINUSE"
          ? "is already in use (another `npm start`? see `ss -ltnp` for who holds it)"
          : `cannot be bound (${error.code ?? error.message})`;
      reject(
        new Error(
          `Port ${port} on ${host}, needed by ${owner}, ${why}. Stop that process or set ${variable}.`,
        ),
      );
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/**
 * Reads a port number from an environment.
 *
 * @param {NodeJS.ProcessEnv} env  e.g. `process.env` after the `.env` file was loaded
 * @param {string} variable  e.g. `"BFF_PORT"`
 * @param {number} fallback  used when the variable is unset or empty
 * @returns {number}
 * @throws {Error} when the value is not an integer in 1–65535
 */
export function portFromEnv(env, variable, fallback) {
  const raw = env[variable];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${variable}=${raw} is not a port number (1-65535).`);
  }
  return port;
}
