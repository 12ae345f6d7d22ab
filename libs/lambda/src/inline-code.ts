import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { TerraformStack } from "cdktf";
// The hook TerraformAsset itself uses; cdktf declares it but does not re-export it at runtime.
import { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer";
import { Construct } from "constructs";
import type { FileCode } from "./code";

/**
 * A Lambda zip built from source the repository owns, written next to the stack's cdk.tf.json at
 * synth. Not cdktf's TerraformAsset: its ARCHIVE type zips with the files' modification times
 * (a fresh checkout gives other bytes), and the determinism test compares every synthesized file
 * byte for byte. Here the zip is a pure function of the file names and contents (ADR 0125).
 */
export interface InlineCodeAssetProps {
  /** File name in the zip → UTF-8 content, e.g. { "index.mjs": "export const handler = ..." }. */
  readonly files: Readonly<Record<string, string>>;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** DOS date of 1980-01-01 00:00 (the zip epoch): the same for every build. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** "Made by" Unix (3), version 2.0: lets the external attributes carry a mode. */
const MADE_BY = (3 << 8) | 20;
/** -rw-r--r-- regular file, in the high 16 bits of the external attributes. */
const FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;

/** The fields a local header and its central directory entry share (version needed .. name length), from offset `at`. */
function writeEntryFields(header: Buffer, at: number, crc: number, size: number, nameLength: number): void {
  header.writeUInt16LE(20, at); // version needed
  header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
  header.writeUInt16LE(0, at + 4); // stored
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(crc, at + 10);
  header.writeUInt32LE(size, at + 14); // compressed
  header.writeUInt32LE(size, at + 18); // uncompressed
  header.writeUInt16LE(nameLength, at + 22);
}

/**
 * A zip archive (stored, no compression: the sources are a few kB) of `files`, sorted by name,
 * with fixed timestamps and modes: the same input always gives the same bytes.
 */
export function deterministicZip(files: Readonly<Record<string, string>>): Buffer {
  const names = Object.keys(files).sort();
  if (names.length === 0) throw new Error("deterministicZip: no files");
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(name) || name.split("/").includes("..")) {
      throw new Error(`deterministicZip: file name "${name}" must be a relative path of letters, digits, ".", "_", "-"`);
    }
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(files[name]!, "utf8");
    const crc = crc32(data);
    // Buffers start zeroed: the extra field, comment, disk number and internal attributes stay 0.
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, crc, data.length, nameBytes.length);
    locals.push(local, nameBytes, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY, 4);
    writeEntryFields(central, 6, crc, data.length, nameBytes.length);
    central.writeUInt32LE(FILE_ATTRIBUTES, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * The zip of `files`, written at synth to `assets/<construct id>/<sha256 prefix>/code.zip` in the
 * stack's directory (where Terraform runs, so `filename` resolves; the path changes with the
 * content). `code` and `sourceCodeHash` go to the function.
 */
export class InlineCodeAsset extends Construct {
  /** Pass as the function's `code`. */
  readonly code: FileCode;
  /** Base64 SHA-256 of the zip: Lambda's own hash, so a code change (only) updates the function. */
  readonly sourceCodeHash: string;
  /** The zip's bytes (what synth writes). */
  readonly bytes: Buffer;

  constructor(scope: Construct, id: string, props: InlineCodeAssetProps) {
    super(scope, id);
    this.bytes = deterministicZip(props.files);
    const digest = createHash("sha256").update(this.bytes).digest();
    this.sourceCodeHash = digest.toString("base64");
    const stack = TerraformStack.of(this);
    const folder = `assets/${stack.getLogicalId(this.node)}`;
    const relative = `${folder}/${digest.toString("hex").slice(0, 16)}/code.zip`;
    this.code = { filename: relative };
    addCustomSynthesis(this, {
      onSynthesize: (session) => {
        const stackDir = join(session.manifest.outdir, session.manifest.forStack(stack).synthesizedStackPath, "..");
        // An earlier synth's zip (other content, other folder) would linger in the stack directory.
        rmSync(join(stackDir, folder), { recursive: true, force: true });
        const target = join(stackDir, relative);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, this.bytes);
      },
    });
  }
}
