package se.region.grantledger.core.project;

/**
 * Diarienummer are unique among projects, a rule across event streams that one aggregate cannot see. The
 * registry claims a number inside the transaction that stores the ProjectRegistered event, so a failed or
 * racing registration leaves no claim behind (docs/adr/0004).
 */
public interface DiaryNumberRegistry {

    /** @return false when another project already holds the diary number */
    boolean claim(String diaryNumber, String projectId);
}
