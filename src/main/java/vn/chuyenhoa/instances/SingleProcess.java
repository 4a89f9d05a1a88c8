package vn.chuyenhoa.instances;

import java.util.function.Supplier;

/** One process on its database (the embedded H2): every change is made here and applied by its caller. */
final class SingleProcess implements SharedChanges {

    private final String instance;

    SingleProcess(String instance) {
        this.instance = instance;
    }

    @Override
    public void follow(String name, Supplier<?> probe, Runnable reload) {
        // nothing else writes to this database
    }

    @Override
    public String instance() {
        return instance;
    }
}
