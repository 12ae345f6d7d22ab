import { describe, expect, it } from "vitest";
import { s3BucketName, s3BucketNameError } from "./s3-bucket-name";

describe("S3 general purpose bucket names", () => {
  it("accepts what S3 accepts", () => {
    for (const name of ["abc", "acme-infra-prod-cloudtrail-111111111111", "logs.example-corp.com", "a".repeat(63)])
      expect(s3BucketNameError(name), name).toBeUndefined();
  });

  it("refuses each rule of the S3 user guide, saying which", () => {
    const cases: [string, string][] = [
      ["ab", "3-63 lowercase letters"],
      ["a".repeat(64), "(got 64 characters)"],
      ["Acme_Uploads", 'lowercase letters, digits, "." or "-"'],
      ["-acme", "starting and ending with a letter or digit"],
      ["acme..logs", "no two adjacent periods"],
      ["192.168.5.4", "not formatted as an IP address"],
      ["xn--acme", 'not starting with "xn--"'],
      ["sthree-acme", 'not starting with "sthree-"'],
      ["amzn-s3-demo-bucket", 'not starting with "amzn-s3-demo-"'],
      ["acme-s3alias", 'not ending with "-s3alias"'],
      ["acme--ol-s3", 'not ending with "--ol-s3"'],
      ["acme.mrap", 'not ending with ".mrap"'],
      ["acme--x-s3", 'not ending with "--x-s3"'],
      ["acme--table-s3", 'not ending with "--table-s3"'],
    ];
    for (const [name, why] of cases) expect(s3BucketNameError(name), name).toContain(why);
  });

  it("as a config schema, the message is the issue", () => {
    expect(s3BucketName.safeParse("acme..logs").error?.issues.map((i) => i.message)).toEqual(["must be an S3 bucket name: no two adjacent periods"]);
  });
});
