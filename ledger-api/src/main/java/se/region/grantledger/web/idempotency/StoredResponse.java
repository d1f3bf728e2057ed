package se.region.grantledger.web.idempotency;

/** The first answer given to a POST with an Idempotency-Key; {@code status} is null while it is being made. */
record StoredResponse(String requestHash, Integer status, String contentType, String location, byte[] body,
                      boolean abandoned) {

    boolean isComplete() {
        return status != null;
    }
}
