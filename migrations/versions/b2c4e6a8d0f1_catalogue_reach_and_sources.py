"""catalogue reach, durations and sources; school board and region; institute code

Revision ID: b2c4e6a8d0f1
Revises: 1c3efb5305a0
Create Date: 2026-11-23 21:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b2c4e6a8d0f1'
down_revision = '1c3efb5305a0'
branch_labels = None
depends_on = None

# The format defaults as they were when this revision was written (a migration must not
# follow later changes of the code): periods per format, and the team formats.
DURATION = {
    'intervision': 2,
    'coaching': 2,
    'buddy-programme': 2,
    'specialisation-track': 4,
    'whole-school-approach': 2,
    'master': 4,
}
TEAM_FORMATS = ('team-study-day', 'intervision', 'whole-school-approach')


def upgrade():
    with op.batch_alter_table('frameworks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.String(length=20), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('source', sa.Text(), nullable=False, server_default=''))

    with op.batch_alter_table('areas', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=200), nullable=False, server_default=''))

    with op.batch_alter_table('targets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=200), nullable=False, server_default=''))

    with op.batch_alter_table('modules', schema=None) as batch_op:
        batch_op.add_column(sa.Column('duration_periods', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('reach_kind', sa.String(length=16), nullable=False, server_default='sector'))
        batch_op.add_column(sa.Column('reach_code', sa.String(length=40), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('team_format', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('source', sa.String(length=200), nullable=False, server_default=''))

    with op.batch_alter_table('institutes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('code', sa.String(length=40), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_institutes_code'), ['code'])

    with op.batch_alter_table('schools', schema=None) as batch_op:
        batch_op.add_column(sa.Column('board_code', sa.String(length=40), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('board_name', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('region_code', sa.String(length=40), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('induction_programme', sa.String(length=40), nullable=True))

    # Modules already in the catalogue take their format's defaults.
    modules = sa.table(
        'modules',
        sa.column('format', sa.String),
        sa.column('duration_periods', sa.Integer),
        sa.column('team_format', sa.Boolean),
    )
    for format_, periods in DURATION.items():
        op.execute(modules.update().where(modules.c.format == format_).values(duration_periods=periods))
    op.execute(modules.update().where(modules.c.format.in_(TEAM_FORMATS)).values(team_format=True))


def downgrade():
    with op.batch_alter_table('schools', schema=None) as batch_op:
        batch_op.drop_column('induction_programme')
        batch_op.drop_column('region_code')
        batch_op.drop_column('board_name')
        batch_op.drop_column('board_code')

    with op.batch_alter_table('institutes', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_institutes_code'), type_='unique')
        batch_op.drop_column('code')

    with op.batch_alter_table('modules', schema=None) as batch_op:
        batch_op.drop_column('source')
        batch_op.drop_column('team_format')
        batch_op.drop_column('reach_code')
        batch_op.drop_column('reach_kind')
        batch_op.drop_column('duration_periods')

    with op.batch_alter_table('targets', schema=None) as batch_op:
        batch_op.drop_column('source')

    with op.batch_alter_table('areas', schema=None) as batch_op:
        batch_op.drop_column('source')

    with op.batch_alter_table('frameworks', schema=None) as batch_op:
        batch_op.drop_column('source')
        batch_op.drop_column('version')
