package se.region.grantledger.web;

import java.util.List;

/** A page of a list: its items, where it is, how many there are in all. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
}
