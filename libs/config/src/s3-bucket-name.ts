import { z } from "zod";

/** Reserved by S3 for its own names: access point aliases, Object Lambda, Multi-Region Access Points, directory and table buckets. */
const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"] as const;
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"] as const;

/**
 * Why S3 refuses `name` for a general purpose bucket (the S3 user guide's "General purpose bucket naming rules"),
 * or undefined. `tofu validate` checks little of it, so a bad name used to fail at apply (InvalidBucketName).
 */
export function s3BucketNameError(name: string): string | undefined {
  const rule = (what: string) => `must be an S3 bucket name: ${what}`;
  if (name.length < 3 || name.length > 63 || !/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) {
    return rule(`3-63 lowercase letters, digits, "." or "-", starting and ending with a letter or digit (got ${name.length} characters)`);
  }
  if (name.includes("..")) return rule("no two adjacent periods");
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return rule("not formatted as an IP address");
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return rule(`not starting with "${prefix}" (reserved by S3)`);
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) return rule(`not ending with "${suffix}" (reserved by S3)`);
  return undefined;
}

/** A general purpose bucket's name in config: S3's naming rules, checked before synth. */
export const s3BucketName = z.string().superRefine((name, ctx) => {
  const problem = s3BucketNameError(name);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
