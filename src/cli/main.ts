// Placeholder entry so the CLI bundle builds; the real CLI lands with the engine.
process.exitCode = 0;
