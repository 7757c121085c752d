// Runs Azurite in this process and stops it (gracefully, as on Ctrl+C) when the process that started it is gone,
// so a `lenkevakt` CLI killed with kill -9 never leaves an orphaned emulator behind.
// Usage: LENKEVAKT_PARENT_PID=<pid> node watchdog.js <path of azurite's bin script> [azurite arguments...]
"use strict";
const parent = Number(process.env.LENKEVAKT_PARENT_PID || 0);
const [bin, ...args] = process.argv.slice(2);
if (!bin) {
  console.error("watchdog.js: missing the path of azurite's bin script");
  process.exit(2);
}

process.argv = [process.argv[0], bin, ...args];
if (parent > 0) {
  const timer = setInterval(() => {
    try {
      process.kill(parent, 0); // Signal 0: only asks whether the process exists.
    } catch {
      clearInterval(timer);
      console.error(`watchdog.js: parent process ${parent} is gone; stopping Azurite`);
      process.kill(process.pid, "SIGINT");
      setTimeout(() => process.exit(0), 10000).unref();
    }
  }, 1000);
  timer.unref();
}

require(require("fs").realpathSync(bin));
