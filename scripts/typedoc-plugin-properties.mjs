// typedoc plugin: requires a doc comment on every property written in our source, and exempts the
// properties TypeScript synthesises, which no one can document.
//
// Why: typedoc.json drops "Property" from `requiredToBeDocumented` because a zod schema's inferred
// type carries mapped-type members with no declaration (`z.enum(channels)` is a
// `ZodEnum<{ phone: "phone"; ... }>`): typedoc reports each of them as undocumented, ~130 warnings
// for the current schemas (notes/toolchain.md §4.6, gotcha 3). This plugin restores the check for
// every property that has a declaration in this package (interface members, object-literal members,
// the fields of a z.object shape), so "each property gets its own doc comment" (STYLE.md) is still
// enforced, with typedoc's own wording and as a warning (an error under treatWarningsAsErrors).
import { Application, ReflectionKind } from "typedoc";

/** @param {Application} app */
export function load(app) {
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    if (!app.options.getValue("validation").notDocumented) return;
    const seen = new Set();
    for (const ref of project.getReflectionsByKind(ReflectionKind.Property)) {
      if (ref.hasComment()) continue;
      let parent = ref.parent;
      while (parent && !parent.kindOf(ReflectionKind.Parameter)) parent = parent.parent;
      if (parent) continue; // typedoc does not require docs inside parameters either
      const symbolId = project.getSymbolIdFromReflection(ref);
      // Synthesised members (mapped types such as z.enum's option map) have no source path.
      if (!symbolId || symbolId.packageName !== project.packageName || symbolId.packagePath === "") continue;
      const name = ref.getFriendlyFullName();
      if (seen.has(name) || app.options.getValue("intentionallyNotDocumented").includes(name)) continue;
      seen.add(name);
      app.logger.validationWarning(
        `${name} (Property), defined in ${symbolId.packageName}/${symbolId.packagePath}, does not have any documentation`,
      );
    }
  });
}
