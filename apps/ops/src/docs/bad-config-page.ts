import { TOPICS } from "../bad-config/topics";

/** A Markdown code span that survives backticks in the text. */
const code = (text: string) => (text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``);

/**
 * docs/generated/bad-config.md: every case of the bad-config suite, by topic, as the issue it must produce
 * (the level is the file the error names). docs/bad-config.md explains the format and where the checks live.
 */
export function badConfigPage(header: (title: string, source: string) => string): string {
  const total = TOPICS.reduce((n, t) => n + t.cases.length, 0);
  return [
    header("Every rejected configuration", "the bad-config suite's tables (apps/ops/src/bad-config/*.cases.ts)"),
    `${total} cases, each a mutation of a real env config that \`resolveEnv\` must refuse with exactly this issue: \`[level] path = value: allowed\` (the allowed text below is the part the test matches). Format, checks and how to add a case: [docs/bad-config.md](../bad-config.md).`,
    ...TOPICS.map((topic) =>
      [
        `\n## ${topic.title} (${code(topic.file)}): ${topic.cases.length} cases\n`,
        ...topic.cases.map((c) => `- ${c.name} → ${code(c.expect.path)} = ${code(c.expect.value)} at ${code(c.expect.level)}: ${c.expect.allowed.replace(/\n/g, " ")}`),
      ].join("\n"),
    ),
    "",
  ].join("\n");
}
