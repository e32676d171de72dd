package cn.luohu.qpb.notice.ui;

import cn.luohu.qpb.base.ui.RouteIds;
import cn.luohu.qpb.base.security.Role;
import cn.luohu.qpb.base.ui.Labels;
import cn.luohu.qpb.notice.NoticeBatch;
import cn.luohu.qpb.notice.NoticeIssuer;
import cn.luohu.qpb.notice.NoticeService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.util.HtmlUtils;

/**
 * A notice list laid out for paper: no navigation, one plain table (a single element, however long the
 * list), and the browser's print dialog opened at once. Lists longer than {@link #MAX_ROWS} are better
 * printed from the PDF export.
 */
@Route(value = "notices/:id/print", autoLayout = false)
@RolesAllowed({Role.Names.SECRETARY, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.ADMIN})
public class NoticePrintView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final int MAX_ROWS = 5000;

    private final transient NoticeService notices;
    private String title = "";

    public NoticePrintView(NoticeService notices) {
        this.notices = notices;
        addClassName("qpb-print");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = RouteIds.id(event);
        NoticeBatch batch = notices.batch(id);
        title = getTranslation("notice.title", String.valueOf(batch.year()));
        removeAll();
        Button print = new Button(getTranslation("notice.print"), click -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addClassName("qpb-no-print");
        print.setId("notice-print-button");
        add(print, new H1(title), new Paragraph(batch.cycleName() + " · "
                + getTranslation("notice.period", batch.startsOn().toString(), batch.endsOn().toString())));
        if (batch.size() > MAX_ROWS) {
            Paragraph tooLong = new Paragraph(getTranslation("notice.print.too-long", batch.size(), MAX_ROWS));
            tooLong.setId("notice-print-too-long");
            add(tooLong);
            return;
        }
        add(table(id), issuedBy(batch));
    }

    /** Where objections go during the notice period, and who issues the notice, as on the paper notice board. */
    private Div issuedBy(NoticeBatch batch) {
        NoticeIssuer configured = notices.issuer();
        Paragraph objections = new Paragraph(getTranslation("notice.print.objections", batch.endsOn().toString())
                + (configured.contact().isEmpty() ? "" : getTranslation("notice.print.contact", configured.contact())));
        objections.setId("notice-print-objections");
        Paragraph issuer = new Paragraph(configured.issuer().isEmpty() ? getTranslation("notice.print.issuer") : configured.issuer());
        issuer.setId("notice-print-issuer");
        Paragraph date = new Paragraph(batch.startsOn().toString());
        Div signature = new Div(issuer, date);
        signature.addClassName("qpb-print-signature");
        return new Div(objections, signature);
    }

    private Html table(long batchId) {
        StringBuilder html = new StringBuilder("<table id=\"notice-print-table\"><thead><tr>");
        for (String key : new String[]{"notice.column.number", "notice.column.code", "review.column.organization",
                "review.column.committee", "notice.column.old-star", "notice.column.new-star", "notice.column.change"}) {
            html.append("<th>").append(escape(getTranslation(key))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        int[] number = {0};
        notices.withRows(batchId, rows -> rows.forEach(row -> html.append("<tr><td>").append(++number[0])
                .append("</td><td>").append(escape(row.organizationCode()))
                .append("</td><td>").append(escape(row.organizationName()))
                .append("</td><td>").append(escape(row.committeeName()))
                .append("</td><td>").append(escape(getTranslation("star.short", row.oldStar())))
                .append("</td><td>").append(escape(getTranslation("star.short", row.newStar())))
                .append("</td><td>").append(escape(Labels.of(this, "history.kind", row.change())))
                .append("</td></tr>")));
        return new Html(html.append("</tbody></table>").toString());
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().executeJs("setTimeout(() => window.print(), 300)");
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.title");
    }
}
