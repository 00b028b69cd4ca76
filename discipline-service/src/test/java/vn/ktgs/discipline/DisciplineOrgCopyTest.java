package vn.ktgs.discipline;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.ktgs.devstack.DevstackTestResource;
import vn.ktgs.kit.contract.OrgCopyContractTest;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "discipline"))
class DisciplineOrgCopyTest extends OrgCopyContractTest {
    @Override
    protected String orgUnitsPath() {
        return "/api/v1/discipline-cases/org-units";
    }
}
