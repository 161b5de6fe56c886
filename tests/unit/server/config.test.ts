// loadConfig() for the multi-node variables: DATABASE_URL and VISITOR_SECRET.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/server/config.ts";

describe("loadConfig", () => {
  it("leaves both unset by default, and treats an empty variable as unset", () => {
    const config = loadConfig({ DATABASE_URL: "", VISITOR_SECRET: "" });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.visitorSecret).toBeUndefined();
  });

  it("takes a postgres:// URL and a secret of 32 characters or more", () => {
    const secret = "s".repeat(32);
    const config = loadConfig({
      DATABASE_URL: "postgres://u:p@db:5432/portal",
      VISITOR_SECRET: secret,
    });
    expect(config).toMatchObject({
      databaseUrl: "postgres://u:p@db:5432/portal",
      visitorSecret: secret,
    });
  });

  it("refuses another scheme or a short secret, without echoing either value", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://u:hunter2@db/portal" })).toThrow(
      /Invalid server configuration: DATABASE_URL: must start with postgres:\/\//,
    );
    expect(() => loadConfig({ DATABASE_URL: "mysql://u:hunter2@db/portal" })).not.toThrow(
      /hunter2/,
    );
    expect(() => loadConfig({ VISITOR_SECRET: "short-secret" })).toThrow(/VISITOR_SECRET/);
    expect(() => loadConfig({ VISITOR_SECRET: "short-secret" })).not.toThrow(/short-secret/);
  });
});
