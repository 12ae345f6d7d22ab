import { TerraformElement, Token, ref } from "cdktf";
import type { Construct } from "constructs";

/**
 * A Terraform `ephemeral` block (Terraform >= 1.10, OpenTofu >= 1.11): a value the provider opens
 * during plan and apply and Terraform never writes to the plan or the state. cdktf 0.21 has no
 * ephemeral classes, so this element renders the block itself; its attributes are references that
 * only write-only arguments (`*_wo`), provider blocks and other ephemeral blocks may use.
 */
export class EphemeralResource extends TerraformElement {
  private readonly type: string;
  private readonly args: Readonly<Record<string, unknown>>;

  /** `args` are the block's arguments in Terraform's spelling (snake_case); tokens are resolved at synth. */
  constructor(scope: Construct, id: string, type: string, args: Readonly<Record<string, unknown>>) {
    super(scope, id, `ephemeral.${type}`);
    this.type = type;
    this.args = args;
  }

  /** A reference to one attribute, e.g. `random_password`: an ephemeral value. */
  attribute(name: string): string {
    return Token.asString(ref(`ephemeral.${this.type}.${this.friendlyUniqueId}.${name}`, this.cdktfStack));
  }

  override toTerraform(): Record<string, unknown> {
    return { ephemeral: { [this.type]: { [this.friendlyUniqueId]: { ...this.args } } } };
  }

  override toMetadata(): Record<string, unknown> {
    return {};
  }
}
