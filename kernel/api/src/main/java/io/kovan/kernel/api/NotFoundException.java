package io.kovan.kernel.api;

/**
 * No record of that kind has that id or code. Answered as 404.
 *
 * @since 1.0
 */
public class NotFoundException extends KovanException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String kind, Object key) {
        super(kind + " " + key + " does not exist");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
