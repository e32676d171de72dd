package cn.luohu.qpb.assessment.ui;

import cn.luohu.qpb.assessment.ReviewService;
import cn.luohu.qpb.base.ui.SingleClickButton;
import cn.luohu.qpb.base.ui.TextLimit;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.function.Predicate;

/**
 * The dialog of a move that needs a comment saying why (a reviewer returning a self-assessment, district
 * staff sending a recommendation back): the comment is required before the move is tried, and the dialog
 * closes only when the move succeeded. Ids: {@code <idPrefix>-dialog}, {@code -comment}, {@code -confirm}.
 */
class CommentDialog extends Dialog {

    /**
     * @param move makes the move with the comment; true when it succeeded (a refusal is shown by the caller)
     */
    CommentDialog(String idPrefix, String titleKey, String labelKey, String requiredKey, String confirmKey, Predicate<String> move) {
        setHeaderTitle(getTranslation(titleKey));
        setId(idPrefix + "-dialog");
        TextArea comment = new TextArea(getTranslation(labelKey));
        comment.setId(idPrefix + "-comment");
        comment.setRequired(true);
        TextLimit limit = TextLimit.on(comment, ReviewService.COMMENT_MAX);
        comment.setWidthFull();
        Button confirm = new SingleClickButton(getTranslation(confirmKey), click -> {
            if (comment.getValue().isBlank()) {
                comment.setInvalid(true);
                comment.setErrorMessage(getTranslation(requiredKey));
                return;
            }
            if (!limit.accepts()) {
                return;
            }
            if (move.test(comment.getValue())) {
                close();
            }
        });
        confirm.setId(idPrefix + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        add(comment);
        getFooter().add(cancel, confirm);
    }
}
