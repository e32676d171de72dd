package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.base.PortalException;
import com.vaadin.flow.function.SerializableConsumer;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * The second-tab rule of a form that saves as one types: once a save is refused as overtaken (its
 * {@code savedElsewhereKey}), or the form finds by itself that it no longer shows what is saved, the form goes
 * stale, once (it locks its fields and says so), and every further save is refused in the same words until
 * it reloads.
 */
final class StaleGuard implements Serializable {

    private final String savedElsewhereKey;
    private final SerializableConsumer<PortalException> goneStale;
    private boolean stale;

    /** @param goneStale what the form does when it goes stale, given the refusal that says why */
    StaleGuard(String savedElsewhereKey, SerializableConsumer<PortalException> goneStale) {
        this.savedElsewhereKey = savedElsewhereKey;
        this.goneStale = goneStale;
    }

    /** Runs a save, refused at once while stale; an overtaken one makes the form stale. Refusals are rethrown. */
    <T> T save(Supplier<T> save) {
        try {
            if (stale) {
                throw new PortalException(savedElsewhereKey);
            }
            return save.get();
        } catch (PortalException refused) {
            if (savedElsewhereKey.equals(refused.messageKey())) {
                markStale(refused);
            }
            throw refused;
        }
    }

    /** The form found by itself that another tab or device saved since it was loaded. */
    void markStale() {
        markStale(new PortalException(savedElsewhereKey));
    }

    private void markStale(PortalException why) {
        if (!stale) {
            stale = true;
            goneStale.accept(why);
        }
    }

    boolean isStale() {
        return stale;
    }

    /** The form was loaded afresh. */
    void reset() {
        stale = false;
    }
}
