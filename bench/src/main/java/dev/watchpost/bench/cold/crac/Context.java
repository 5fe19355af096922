package dev.watchpost.bench.cold.crac;

import java.util.ArrayList;
import java.util.List;

/** The global context of the stand-in: keeps registered resources and runs their hooks in order. Not thread-safe. */
public class Context<R extends Resource> implements Resource {
    private final List<R> resources = new ArrayList<>();

    public void register(R resource) {
        resources.add(resource);
    }

    int size() {
        return resources.size();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).beforeCheckpoint(this);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws Exception {
        for (R resource : resources) {
            resource.afterRestore(this);
        }
    }
}
