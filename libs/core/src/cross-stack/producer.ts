import { DefaultTokenResolver, StringConcat, TerraformDataSource, TerraformOutput, TerraformResource, Tokenization, type TerraformStack } from "cdktf";
import type { CrossStackRead } from "./fresh-env";
import { REMOTE_STATE_PREFIX } from "./fresh-env";
import { placeholderFor } from "./placeholders";

/** Where a producer's resources live, for ARNs and endpoints. */
export interface ProducerPlacement {
  readonly stackName: string;
  readonly region: string;
  readonly account: string;
}

type Produced = Omit<CrossStackRead, "remoteState" | "output">;

/** `${aws_kms_key.data_key_DB04C041.arn}` → type, name, attribute (a path such as `endpoint[0].address`). */
const REFERENCE = /^\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([^}]+)\}$/;
const PASS_THROUGH = /^\$\{local\.|^\$\{data\.terraform_remote_state\./;

/**
 * The placeholders of one producer stack's cross-stack outputs, read from its constructs (never
 * from its synthesized JSON: a consumer may be written before the producer's aspects have run).
 */
export class ProducerOutputs {
  private cache?: Map<string, Produced>;

  constructor(
    private readonly stack: TerraformStack,
    private readonly placement: ProducerPlacement,
    /** Placeholders of the producer's own cross-stack reads, for an output that passes one on. */
    private readonly upstream: (remoteState: string, output: string) => Produced,
  ) {}

  /** The remote state data source name cdktf gives this producer in its consumers. */
  get remoteStateName(): string {
    return `${REMOTE_STATE_PREFIX}${this.stack.node.path}`;
  }

  get(output: string): Produced {
    this.cache ??= this.compute();
    const found = this.cache.get(output);
    if (!found) {
      throw new Error(`${this.placement.stackName} has no cross-stack output ${output}; known: ${[...this.cache.keys()].join(", ")}`);
    }
    return found;
  }

  private compute(): Map<string, Produced> {
    const elements = this.stack.node.findAll();
    const byAddress = new Map<string, TerraformResource | TerraformDataSource>();
    for (const e of elements) {
      if (TerraformResource.isTerraformResource(e)) byAddress.set(`${e.terraformResourceType}.${e.friendlyUniqueId}`, e);
      else if (TerraformDataSource.isTerraformDataSource(e)) byAddress.set(`data.${e.terraformResourceType}.${e.friendlyUniqueId}`, e);
    }
    const out = new Map<string, Produced>();
    for (const e of elements) {
      if (!TerraformOutput.isTerraformOutput(e) || !e.friendlyUniqueId.startsWith("cross-stack-output-")) continue;
      const expression = String(resolveIn(this.stack, e.value));
      out.set(e.friendlyUniqueId, this.produced(expression, byAddress));
    }
    return out;
  }

  private produced(expression: string, byAddress: ReadonlyMap<string, TerraformResource | TerraformDataSource>): Produced {
    const passed = /^\$\{data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\}$/.exec(expression);
    if (passed) return this.upstream(passed[1]!, passed[2]!);
    const m = REFERENCE.exec(expression);
    if (!m || PASS_THROUGH.test(expression)) {
      const label = `${this.placement.stackName} ${expression.replace(/^\$\{|\}$/g, "")}`;
      return { label, placeholder: placeholderFor({ resourceType: "expression", attribute: "value" }, this.context(label)) };
    }
    const [, dataPrefix = "", resourceType, name, attribute] = m as unknown as [string, string | undefined, string, string, string];
    const element = byAddress.get(`${dataPrefix}${resourceType}.${name}`);
    const region = regionOf(element) ?? this.placement.region;
    const label = `${this.placement.stackName} ${dataPrefix}${resourceType}.${name}.${attribute}`;
    const config = (): Record<string, unknown> => configOf(this.stack, element, resourceType, name);
    return {
      label,
      placeholder: placeholderFor(
        { resourceType, attribute },
        {
          region,
          account: this.placement.account,
          seed: label,
          get config() {
            return config();
          },
        },
      ),
    };
  }

  private context(seed: string): { region: string; account: string; seed: string } {
    return { region: this.placement.region, account: this.placement.account, seed };
  }
}

/** The region of the provider a resource was created with (an aliased provider of another region), if any. */
function regionOf(element: TerraformResource | TerraformDataSource | undefined): string | undefined {
  const provider = element?.provider as { region?: unknown } | undefined;
  return typeof provider?.region === "string" ? provider.region : undefined;
}

function configOf(stack: TerraformStack, element: TerraformResource | TerraformDataSource | undefined, type: string, name: string): Record<string, unknown> {
  if (!element) return {};
  const json = resolveIn(stack, element.toTerraform()) as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
  return json["resource"]?.[type]?.[name] ?? json["data"]?.[type]?.[name] ?? {};
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** Tokens as the stack's own JSON writes them (references inside the stack stay references). */
function resolveIn(stack: TerraformStack, value: unknown): unknown {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER });
}
