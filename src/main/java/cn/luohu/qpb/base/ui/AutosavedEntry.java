package cn.luohu.qpb.base.ui;

import cn.luohu.qpb.base.PortalException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.SerializablePredicate;

import java.io.Serializable;

/**
 * An entry that saves itself as it changes: an input (a score, met or not, a count) and a free text beside it.
 * Nothing typed is lost: the text is sent after a short pause in typing, when the field loses focus, and before
 * any click or history move is handled (so leaving through the menu saves it first), and the browser asks
 * before a reload or closing the tab while the field holds text the server has not saved. A refused value
 * stays in its field, marked with the reason, until a save of it succeeds; nothing is cut: the text shows
 * its length against the limit and a longer one is refused in words.
 */
public class AutosavedEntry implements Serializable {

    /** Saves the entry as it stands; throws the refusal when the service refuses it. */
    @FunctionalInterface
    public interface Save extends Serializable {
        void save();
    }

    /** Milliseconds of pause in typing before a text is sent (and saved). */
    public static final int TYPING_PAUSE_MS = 800;

    /**
     * Arms the browser's question before a reload or closing the tab: once per page, for every autosaved text
     * whose value differs from what the server last saved; it also sends those texts at once, so that they are
     * saved when she stays. The same texts are sent before any click or history move is handled, so that leaving
     * through a link saves them first.
     */
    private static final String GUARD = """
            this.__qpbSaved = $0;
            window.__qpbTexts = window.__qpbTexts || new Set();
            window.__qpbTexts.add(this);
            if (!window.__qpbGuard) {
                window.__qpbGuard = true;
                const unsaved = () => {
                    window.__qpbTexts = new Set([...window.__qpbTexts].filter(f => f.isConnected));
                    return [...window.__qpbTexts].filter(f => !f.readonly && f.value !== f.__qpbSaved);
                };
                const send = fields => fields.filter(f => f.value !== f.__qpbSent).forEach(f => {
                    f.__qpbSent = f.value;
                    f.$server.handOver(f.value);
                });
                // before a click (a link, the menu) or going back is handled: its request then follows the save
                window.addEventListener('click', () => send(unsaved()), true);
                window.addEventListener('popstate', () => send(unsaved()), true);
                window.addEventListener('beforeunload', event => {
                    const fields = unsaved();
                    if (fields.length > 0) {
                        send(fields);
                        event.preventDefault();
                        event.returnValue = '';
                    }
                });
            }
            this.addEventListener('change', () => this.$server.handOver(this.value));""";

    private final HasValue<?, ?> input;
    private final AutosavedTextArea text;
    private final TextLimit limit;
    private final Save save;
    private final SerializablePredicate<String> concernsInput;
    private boolean refused;

    /**
     * @param concernsInput whether a refusal (by its message key) is about the input rather than the text
     */
    public AutosavedEntry(HasValue<?, ?> input, AutosavedTextArea text, int maxLength, SerializablePredicate<String> concernsInput,
                          Save save) {
        this.input = input;
        this.text = text;
        this.limit = TextLimit.on(text, maxLength);
        this.concernsInput = concernsInput;
        this.save = save;
        manual(input);
        manual(text);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(TYPING_PAUSE_MS);
        text.addAttachListener(attach -> text.getElement().executeJs(GUARD, text.getValue()));
        input.addValueChangeListener(event -> save(input)); // entered, or put in by a button (adopt a score)
        text.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                save(text);
            }
        });
    }

    private static void manual(HasValue<?, ?> field) {
        if (field instanceof HasValidation validated) {
            validated.setManualValidation(true); // the refusals below decide; Vaadin's own checks would clear them
        }
    }

    /**
     * Saves the entry after a change of {@code source}. A refusal is marked on the field it concerns (the input's
     * own problems on the input, a text too long on the text, anything else on the field just changed), and the
     * entry counts as unsaved until a save succeeds.
     */
    public void save(HasValue<?, ?> source) {
        if (!limit.accepts()) { // the text says so itself
            refused = true;
            clear(input);
            return;
        }
        try {
            save.save();
        } catch (PortalException refusal) {
            String key = refusal.messageKey();
            refuse(concernsInput.test(key) ? input : key.endsWith("too-long") ? text : source,
                    PortalErrorHandler.translate(text, refusal));
            return;
        }
        refused = false;
        clear(input);
        clear(text);
        text.getElement().executeJs("this.__qpbSaved = $0", text.getValue());
    }

    private void refuse(HasValue<?, ?> field, String message) {
        refused = true;
        HasValue<?, ?> other = field == input ? text : input;
        clear(other);
        if (field instanceof HasValidation validated) {
            validated.setErrorMessage(message);
            validated.setInvalid(true);
        }
    }

    private static void clear(HasValue<?, ?> field) {
        if (field instanceof HasValidation validated) {
            validated.setInvalid(false);
            validated.setErrorMessage(null);
        }
    }

    /** Whether a value in it was refused and not saved since. */
    public boolean hasUnsavedValue() {
        return refused;
    }

    /** Read-only, it shows no counter: the limit concerns only who writes. */
    public void setReadOnly(boolean readOnly) {
        input.setReadOnly(readOnly);
        limit.setReadOnly(readOnly);
    }
}
