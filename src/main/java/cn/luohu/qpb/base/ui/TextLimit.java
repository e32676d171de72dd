package cn.luohu.qpb.base.ui;

import com.vaadin.flow.component.textfield.TextFieldBase;

import java.io.Serializable;

/**
 * A limit on the length of a typed text that cuts nothing (unlike the browser's maxlength, which silently cuts a
 * paste): the field shows its length against the limit as she types, and a longer text is refused in words on
 * the field, kept whole so that she can shorten it herself. The service checks the same limit again.
 */
public final class TextLimit implements Serializable {

    /** Counts in the browser as she types, without a round trip per key. */
    private static final String COUNTER =
            "this.addEventListener('input', () => { if (!this.readonly) this.helperText = $0.replace('{count}', this.value.length); });";

    private final TextFieldBase<?, String> field;
    private final int max;
    /** The field's own helper text, kept before the counter. */
    private final String help;
    private boolean marked;

    private TextLimit(TextFieldBase<?, String> field, int max) {
        this.field = field;
        this.max = max;
        this.help = field.getHelperText();
        field.setHelperText(counter());
        field.addAttachListener(attach -> field.getElement().executeJs(COUNTER, helper("{count}")));
        field.addValueChangeListener(change -> {
            if (!field.isReadOnly()) {
                field.setHelperText(counter());
            }
            accepts();
        });
    }

    /** Puts the limit on the field (and its counter in the field's helper text). */
    public static TextLimit on(TextFieldBase<?, String> field, int max) {
        return new TextLimit(field, max);
    }

    /** Whether every text is within its limit; each one that is not says so (all are checked, not only the first). */
    public static boolean allAccept(Iterable<TextLimit> limits) {
        boolean all = true;
        for (TextLimit limit : limits) {
            all &= limit.accepts();
        }
        return all;
    }

    /** Whether the text is within the limit; when it is not, the field says so in words (and keeps the text). */
    public boolean accepts() {
        int length = field.getValue().length();
        if (length > max) {
            marked = true;
            field.setErrorMessage(field.getTranslation("form.text.too-long", max, length));
            field.setInvalid(true);
        } else if (marked) {
            marked = false;
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
        return !marked;
    }

    /** Read-only, it shows no counter: the limit concerns only who writes. */
    public void setReadOnly(boolean readOnly) {
        field.setReadOnly(readOnly);
        field.setHelperText(readOnly ? null : counter());
    }

    private String counter() {
        return helper(field.getValue().length());
    }

    private String helper(Object count) {
        String counter = field.getTranslation("form.text.counter", count, max);
        return help == null || help.isEmpty() ? counter : help + " · " + counter;
    }
}
