package se.region.grantledger.web.project;

/** Answer to a POST that made something inside a project (a requisition, a payment): its id and the project after. */
public record Created(String id, ProjectView project) {
}
