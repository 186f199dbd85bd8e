package io.gridcast.bridge.text;

/**
 * A post template could not be read, compiled or rendered: a syntax error, a variable the
 * template names that its model does not hold, or a folder that cannot be read. The message names
 * the template and where it came from (for example {@code folder /etc/acme/templates/de/announcement.mustache})
 * so that the host can fix it. Thrown by {@link PostTemplates.Builder#build()} for templates that
 * do not compile, and by {@link PostTemplates#render} for the item being mapped, which then fails
 * on its own and lands in the flow's dead letters with this message.
 */
public final class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String templateName;

  TemplateException(String templateName, String message, Throwable cause) {
    super(message, cause);
    this.templateName = templateName;
  }

  /** The name of the template, such as {@code announcement}. */
  public String templateName() {
    return templateName;
  }
}
