import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** A real Custodian server (the Release build, SQLite in a temporary directory) serving the built web UI. */
export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  adminToken: string;
  stop: () => Promise<void>;
}

const repo = resolve(__dirname, "../../..");
const serverDll = join(repo, "src/Custodian.Server/bin/Release/net10.0/Custodian.Server.dll");
const webRoot = join(repo, "web/dist");

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

async function waitAlive(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}/alive`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer /alive within 120 s:\n${log()}`);
}

export async function startServer(): Promise<RunningServer> {
  if (!existsSync(serverDll)) throw new Error(`Build the server first (dotnet build -c Release): ${serverDll} is missing.`);
  if (!existsSync(join(webRoot, "index.html"))) throw new Error("Build the web UI first (npm run build): web/dist is missing.");
  const dataDir = mkdtempSync(join(tmpdir(), "custodian-e2e-"));
  const adminToken = randomBytes(24).toString("base64url");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn("dotnet", [serverDll, "--urls", baseUrl, `--Web:Root=${webRoot}`], {
    cwd: dataDir,
    env: { ...process.env, Database__DataDirectory: dataDir, Admin__Token: adminToken, Server__PublicUrl: baseUrl, ASPNETCORE_ENVIRONMENT: "Production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (b: Buffer) => (output = (output + b.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  try {
    await waitAlive(baseUrl, child, () => output);
  } catch (e) {
    // A server that never answered is not left running behind the failed file.
    child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    baseUrl,
    dataDir,
    adminToken,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
