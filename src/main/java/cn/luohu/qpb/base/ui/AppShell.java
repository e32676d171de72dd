package cn.luohu.qpb.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;

/** Loads Lumo and the portal's own plain stylesheet (frontend/styles, no npm build). */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/portal.css")
@Meta(name = "format-detection", content = "telephone=no")
public class AppShell implements AppShellConfigurator {
}
