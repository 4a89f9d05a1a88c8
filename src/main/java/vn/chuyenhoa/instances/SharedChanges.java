package vn.chuyenhoa.instances;

import java.util.function.Supplier;

/**
 * How a cache learns that another instance changed what it holds. A change made in this process is applied by its
 * caller at once; one made by another instance on the same database reaches this one through here.
 */
public interface SharedChanges {

    /**
     * Calls {@code reload} whenever {@code probe} (a cheap read of the database: the last event's number, the version
     * in force) gives a value other than the last it gave. The probe is read before the reload, so a change committed
     * while reloading is seen at the next look.
     */
    void follow(String name, Supplier<?> probe, Runnable reload);

    /** The name this instance goes by in health and logs. */
    String instance();
}
