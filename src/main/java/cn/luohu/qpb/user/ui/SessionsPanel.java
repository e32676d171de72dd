package cn.luohu.qpb.user.ui;

import cn.luohu.qpb.base.PortalException;
import cn.luohu.qpb.base.time.DisplayZone;
import cn.luohu.qpb.base.ui.PortalErrorHandler;
import cn.luohu.qpb.base.ui.SuccessToast;
import cn.luohu.qpb.user.OwnSession;
import cn.luohu.qpb.user.UserAccountService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The user's own logged-in sessions (ASVS 3.3.4): when each began and was last active, the one in use
 * marked; she may end any other, or all others at once (e.g. a browser left logged in elsewhere).
 */
class SessionsPanel extends VerticalLayout {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final transient UserAccountService accounts;
    private final DisplayZone zone;
    private final Div list = new Div();
    private final Button endOthers = new Button();
    private final Paragraph error = new Paragraph();

    SessionsPanel(UserAccountService accounts, DisplayZone zone) {
        this.accounts = accounts;
        this.zone = zone;
        setId("profile-sessions");
        setPadding(false);
        Paragraph hint = new Paragraph(getTranslation("user.sessions.hint"));
        hint.addClassName("qpb-hint");
        list.setId("profile-session-list");
        error.setId("profile-sessions-error");
        error.addClassName("qpb-error");
        error.setVisible(false);
        endOthers.setText(getTranslation("user.sessions.end-others"));
        endOthers.setId("profile-sessions-end-others");
        endOthers.addThemeVariants(ButtonVariant.LUMO_ERROR);
        endOthers.addClickListener(click -> act(() -> SuccessToast.show(
                getTranslation("user.sessions.ended", accounts.endOtherSessions()), "profile-sessions-ended")));
        add(new H3(getTranslation("user.sessions.title")), hint, error, list, endOthers);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<OwnSession> sessions = accounts.sessions();
        sessions.forEach(session -> list.add(row(session)));
        endOthers.setVisible(sessions.stream().anyMatch(session -> !session.current()));
    }

    private HorizontalLayout row(OwnSession session) {
        Span times = new Span(getTranslation("user.sessions.times", zone.fromUtc(session.createdAt()).format(AT),
                zone.fromUtc(session.lastSeenAt()).format(AT)));
        HorizontalLayout row = new HorizontalLayout(times);
        row.setId("profile-session-" + session.id());
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (session.current()) {
            Span current = new Span(getTranslation("user.sessions.current"));
            current.getElement().getThemeList().add("badge success");
            current.setId("profile-session-current");
            row.add(current);
        } else {
            Button end = new Button(getTranslation("user.sessions.end"), click -> act(() -> {
                accounts.endSession(session.id());
                SuccessToast.show(getTranslation("user.sessions.ended", 1), "profile-sessions-ended");
            }));
            end.setId("profile-session-end-" + session.id());
            end.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            row.add(end);
        }
        return row;
    }

    private void act(Runnable action) {
        error.setVisible(false);
        try {
            action.run();
        } catch (PortalException refusal) {
            error.setText(PortalErrorHandler.translate(this, refusal));
            error.setVisible(true);
        }
        refresh();
    }
}
