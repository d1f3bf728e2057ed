package se.region.grantledger.infrastructure;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.region.grantledger.core.project.DiaryNumberRegistry;

/**
 * Claims a diary number with an insert that does nothing on conflict. It runs on the connection of the
 * command's transaction, so the claim commits or rolls back with the ProjectRegistered event; two racing
 * registrations of one number serialise on the primary key and the second sees it taken.
 */
@Component
class JdbcDiaryNumberRegistry implements DiaryNumberRegistry {

    private final JdbcTemplate jdbc;

    JdbcDiaryNumberRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String diaryNumber, String projectId) {
        return jdbc.update("INSERT INTO project_diary_number (diary_number, project_id) VALUES (?, ?) "
                + "ON CONFLICT (diary_number) DO NOTHING", diaryNumber, projectId) == 1;
    }
}
