package vn.ktgs.kit;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import vn.ktgs.devstack.Devstack;

import javax.sql.DataSource;

/** A database of the shared devstack server with the kit's tables, for tests of the plain plumbing. */
final class KitDatabase {
    private KitDatabase() {
    }

    static DataSource create(String name) {
        Devstack d = Devstack.shared();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(d.database(name));
        ds.setUser(d.postgres().user());
        ds.setPassword(d.postgres().password());
        Flyway.configure().dataSource(ds).locations("classpath:db/kit").cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(ds).locations("classpath:db/kit").load().migrate();
        return ds;
    }
}
