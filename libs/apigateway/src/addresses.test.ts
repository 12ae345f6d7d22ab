import { describe, expect, it } from "vitest";
import { HttpApi } from "./http-api";
import { RestApi } from "./rest-api";
import { addresses, synthJson } from "@infra/testing-core/blocks";
import { WebSocketApi } from "./websocket-api";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/abc";
const fn = { functionName: "f", functionArn: "arn:aws:lambda:us-east-1:111111111111:function:f", invokeArn: "invoke:f" };
const common = { throttling: { burstLimit: 10, rateLimit: 5 }, accessLogs: { retentionDays: 30, kmsKeyArn: KEY } };

describe("Terraform addresses", () => {
  it("stay stable for HTTP, WebSocket and REST APIs", () => {
    const json = synthJson((s) => {
      new HttpApi(s, "http", {
        name: "http",
        jwtAuthorizer: { issuer: "https://issuer", audience: ["c"] },
        integrations: { main: { function: fn } },
        routes: { "ANY /api/{proxy+}": { integration: "main" }, "GET /health": { integration: "main", public: true } },
        ...common,
      });
      new WebSocketApi(s, "ws", { name: "ws", routes: { $connect: fn, $default: fn }, connectAuthorizer: { function: fn }, ...common });
      new RestApi(s, "rest", {
        name: "rest",
        integrations: { main: fn },
        routes: [{ path: "/teams/{teamId}", method: "GET", integration: "main" }],
        authorizer: { type: "TOKEN", function: fn },
        ...common,
      });
    });
    expect(addresses(json)).toMatchSnapshot();
  });
});
