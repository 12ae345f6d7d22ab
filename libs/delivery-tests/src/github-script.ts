import { loadWorkflow } from "./workflows";

/**
 * Runs an `actions/github-script` step's script in-process with a fake GitHub API, so the comment
 * and issue logic is tested as behaviour rather than text. The script sees the same globals it gets
 * on GitHub: require, github, context, core, process.env.
 */

export interface Comment {
  id: number;
  user: { login: string };
  body: string;
  html_url: string;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: "open" | "closed";
  html_url: string;
  pull_request?: unknown;
}

export interface Deployment {
  id: number;
  sha: string;
  /** Newest first, as the API lists them. */
  statuses: string[];
}

export interface FakeRepo {
  comments: Comment[];
  issues: Issue[];
  labels: Set<string>;
  deployments: Record<string, Deployment[]>;
  calls: string[];
  /** What the script set with core.setOutput. */
  outputs: Record<string, string>;
}

export function fakeRepo(init: Partial<Omit<FakeRepo, "calls">> = {}): FakeRepo {
  return {
    comments: init.comments ?? [],
    issues: init.issues ?? [],
    labels: init.labels ?? new Set(),
    deployments: init.deployments ?? {},
    calls: [],
    outputs: {},
  };
}

function fakeGithub(repo: FakeRepo) {
  const log = (name: string) => repo.calls.push(name);
  const issues = {
    listComments: async () => ({ data: repo.comments }),
    createComment: async ({ issue_number, body }: { issue_number: number; body: string }) => {
      log(`createComment #${issue_number}`);
      const comment = { id: 1000 + repo.comments.length, user: { login: "github-actions[bot]" }, body, html_url: "c" };
      repo.comments.push(comment);
      return { data: comment };
    },
    updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
      log(`updateComment ${comment_id}`);
      repo.comments.find((c) => c.id === comment_id)!.body = body;
      return { data: {} };
    },
    getLabel: async ({ name }: { name: string }) => {
      if (!repo.labels.has(name)) throw Object.assign(new Error("Not Found"), { status: 404 });
      return { data: { name } };
    },
    createLabel: async ({ name }: { name: string }) => {
      log(`createLabel ${name}`);
      repo.labels.add(name);
      return { data: { name } };
    },
    listForRepo: async ({ state, labels }: { state: string; labels: string }) => {
      const wanted = labels.split(",");
      return { data: repo.issues.filter((i) => i.state === state && wanted.every((l) => i.labels.includes(l))) };
    },
    create: async ({ title, body, labels }: { title: string; body: string; labels: string[] }) => {
      log(`create "${title}" [${labels.join(",")}]`);
      const issue: Issue = { number: 100 + repo.issues.length, title, body, labels, state: "open", html_url: "i" };
      repo.issues.push(issue);
      return { data: issue };
    },
    update: async ({ issue_number, owner: _owner, repo: _repo, ...changes }: { issue_number: number; owner: string; repo: string } & Partial<Issue>) => {
      log(`update #${issue_number} ${Object.keys(changes).sort().join(",")}`);
      Object.assign(
        repo.issues.find((i) => i.number === issue_number)!,
        changes,
      );
      return { data: {} };
    },
  };
  const repos = {
    listDeployments: async ({ environment }: { environment: string }) => ({ data: repo.deployments[environment] ?? [] }),
    listDeploymentStatuses: async ({ deployment_id }: { deployment_id: number }) => ({
      data: Object.values(repo.deployments)
        .flat()
        .find((d) => d.id === deployment_id)!
        .statuses.map((state) => ({ state, created_at: "2026-01-01T00:00:00Z" })),
    }),
  };
  return {
    rest: { issues, repos },
    paginate: async <P>(fn: (params: P) => Promise<{ data: unknown[] }>, params: P) => (await fn(params)).data,
  };
}

/** The script of a github-script step of `workflow` → `job`: the one with id `id`, else the last one. */
export function scriptOf(workflow: string, job: string, id?: string): string {
  const steps = (loadWorkflow(workflow).jobs[job]?.steps ?? []).filter(
    (s) => s.uses?.startsWith("actions/github-script@") && (id === undefined || s.id === id),
  );
  const step = steps.at(-1);
  if (!step) throw new Error(`${workflow}#${job} has no github-script step${id ? ` with id ${id}` : ""}`);
  return String(step.with?.script);
}

export async function runScript(script: string, opts: { repo: FakeRepo; env: Record<string, string>; files: Record<string, string> }): Promise<void> {
  const fs = {
    readFileSync: (path: string) => {
      if (!(path in opts.files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
      return opts.files[path];
    },
  };
  const require = (name: string) => {
    if (name !== "fs") throw new Error(`unexpected require(${name})`);
    return fs;
  };
  const context = { repo: { owner: "acme", repo: "infra" }, issue: { number: 42 }, sha: "0123456789abcdef0123456789abcdef01234567" };
  const core = {
    info: () => undefined,
    notice: (m: string) => opts.repo.calls.push(`notice ${m}`),
    warning: (m: string) => opts.repo.calls.push(`warning ${m.split(":")[0]}`),
    setOutput: (name: string, value: string) => (opts.repo.outputs[name] = value),
  };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
  const fn = new AsyncFunction("require", "github", "context", "core", "process", script);
  await fn(require, fakeGithub(opts.repo), context, core, { env: opts.env });
}
