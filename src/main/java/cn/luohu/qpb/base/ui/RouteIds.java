package cn.luohu.qpb.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteParameters;

import java.util.regex.Pattern;

/**
 * The one reading of a numeric id in an address ({@code /assessments/:id} and the like). Anything that is
 * not a positive number that fits a {@code long} ({@code /assessments/abc}, twenty digits) is an address
 * that leads nowhere: the router shows the not-found page, as for an id that does not exist.
 */
public final class RouteIds {

    /** At most 18 digits always fits a long (its maximum has 19). */
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private RouteIds() {
    }

    /** The {@code id} parameter of the address being entered. */
    public static long id(BeforeEnterEvent event) {
        return parse(event.getRouteParameters().get("id").orElse(""));
    }

    /** The address parameters of a page with this id. */
    public static RouteParameters parameters(long id) {
        return new RouteParameters("id", String.valueOf(id));
    }

    static long parse(String value) {
        if (!ID.matcher(value).matches()) {
            throw new NotFoundException();
        }
        return Long.parseLong(value);
    }
}
