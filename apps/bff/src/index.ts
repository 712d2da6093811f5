import "reflect-metadata";

export { type BffHostOptions } from "./app.module.js";
export { createBffApp } from "./create-bff-app.js";
export { ConfigError } from "./modules/config/config-error.js";
export { parseConfig } from "./modules/config/parse-config.js";
export { type AppConfig } from "./modules/config/config.schema.js";
