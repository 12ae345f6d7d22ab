import { type IAspect, TerraformResource } from "cdktf";
import type { Construct, IConstruct } from "constructs";

const LIBRARY_CONTEXT = "infra:library";

/**
 * Marks a construct (and everything created inside it) as made by a construct library. Call it
 * first thing in a library construct's constructor, before children are created.
 */
export function markLibrary(scope: Construct, library: string): void {
  scope.node.setContext(LIBRARY_CONTEXT, library);
}

/**
 * Adds a `Library` tag to every taggable resource, naming the construct library that made it.
 * Provider default_tags cannot vary per resource, so this tag is set resource by resource.
 */
export class LibraryTagAspect implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource)) return;
    if (!("tagsInput" in node)) return;
    const library = node.node.tryGetContext(LIBRARY_CONTEXT) as string | undefined;
    if (library) node.addOverride("tags.Library", library);
  }
}
