package dev.frameloop.collector.vm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Orders modules for {@code insmod}: every module after the modules it depends on, otherwise in the
 * requested order; dependencies that are not requested are added, built-in ones skipped.
 */
final class ModuleLoadOrder {
    private final Function<String, List<String>> dependsOf;
    private final Predicate<String> builtin;
    private final List<String> order = new ArrayList<>();
    private final Set<String> done = new HashSet<>();
    private final List<String> path = new ArrayList<>();

    private ModuleLoadOrder(Function<String, List<String>> dependsOf, Predicate<String> builtin) {
        this.dependsOf = dependsOf;
        this.builtin = builtin;
    }

    /**
     * @param requested the modules wanted, in preferred order
     * @param dependsOf a module's direct dependencies (called once per module that is not built in)
     * @param builtin   true for modules built into the kernel (they need no loading)
     */
    static List<String> resolve(List<String> requested, Function<String, List<String>> dependsOf, Predicate<String> builtin) {
        ModuleLoadOrder resolver = new ModuleLoadOrder(dependsOf, builtin);
        requested.forEach(resolver::visit);
        return List.copyOf(resolver.order);
    }

    private void visit(String name) {
        String key = ModuleInfo.canonicalName(name);
        if (done.contains(key) || builtin.test(name)) {
            return;
        }
        if (path.contains(key)) {
            throw new IllegalStateException("modules depend on each other in a cycle: " + String.join(" -> ", path) + " -> " + key);
        }
        path.add(key);
        for (String dependency : dependsOf.apply(name)) {
            visit(dependency);
        }
        path.remove(path.size() - 1);
        done.add(key);
        order.add(name);
    }
}
