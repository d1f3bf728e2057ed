package se.region.grantledger.web;

/** Nothing by that id: answered as a 404 problem. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super("no " + what, null, false, false);
    }
}
